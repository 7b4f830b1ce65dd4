// The public application page: plain server-rendered HTML for phones, a small script that posts the form
// as JSON and shows each field's error under it. Chinese by default.
import { PLATFORMS } from '../roster/koc-input.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const platformNames: Record<(typeof PLATFORMS)[number], string> = {
  xiaohongshu: '小红书',
  douyin: '抖音',
  weibo: '微博',
  wechat_moments: '微信朋友圈',
  bilibili: 'B站',
  other: '其他',
};

const style = `body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#fdf6f8;color:#222}
main{max-width:480px;margin:0 auto;padding:20px 16px 40px}h1{font-size:22px;margin:8px 0}p.lead{color:#666;margin:0 0 16px}
label{display:block;margin-top:14px;font-weight:600}input,select,textarea{box-sizing:border-box;width:100%;margin-top:4px;padding:10px;
font-size:16px;border:1px solid #ccc;border-radius:8px;background:#fff}.err{color:#c0392b;font-size:14px;min-height:1em}
button{margin-top:20px;width:100%;padding:14px;font-size:17px;border:0;border-radius:10px;background:#e0457b;color:#fff}
#msg{margin-top:16px;font-weight:600}#msg.ok{color:#1e8449}#msg.bad{color:#c0392b}`;

interface Field {
  name: string;
  label: string;
  input: string;
}

const field = (name: string, label: string, attrs: string): Field => ({
  name,
  label,
  input: `<input id="${name}" name="${name}" ${attrs}>`,
});

const fields: Field[] = [
  field('name', '姓名', 'required maxlength="50" autocomplete="name"'),
  field('phone', '手机号', 'required type="tel" inputmode="tel" autocomplete="tel"'),
  field('city', '所在城市', 'required maxlength="50"'),
  field('category', '内容领域（如美妆、美食、母婴）', 'required maxlength="50"'),
  {
    name: 'platform',
    label: '主要平台',
    input: `<select id="platform" name="platform" required><option value="">请选择</option>${PLATFORMS.map(
      (p) => `<option value="${p}">${platformNames[p]}</option>`,
    ).join('')}</select>`,
  },
  field('handle', '平台账号（昵称或 ID）', 'required maxlength="100"'),
  field('followers', '粉丝数', 'required type="number" min="0" step="1" inputmode="numeric"'),
  field('avgReads', '平均阅读/播放量', 'required type="number" min="0" step="1" inputmode="numeric"'),
  field('avgLikes', '平均点赞数', 'type="number" min="0" step="1" inputmode="numeric" value="0"'),
  field('avgComments', '平均评论数', 'type="number" min="0" step="1" inputmode="numeric" value="0"'),
  {
    name: 'note',
    label: '补充说明（选填）',
    input: '<textarea id="note" name="note" maxlength="500" rows="3"></textarea>',
  },
];

const NUMBERS = ['followers', 'avgReads', 'avgLikes', 'avgComments'];

// Runs in the browser: no credentials ride along (the endpoint is public), errors land under their field.
const script = (endpoint: string) => `
const form = document.getElementById('f'), msg = document.getElementById('msg');
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  document.querySelectorAll('.err').forEach((e) => (e.textContent = ''));
  msg.textContent = ''; msg.className = '';
  const body = {};
  for (const [k, v] of new FormData(form)) body[k] = ${JSON.stringify(NUMBERS)}.includes(k) && v !== '' ? Number(v) : v;
  const btn = form.querySelector('button'); btn.disabled = true;
  try {
    const res = await fetch(${JSON.stringify(endpoint)}, { method: 'POST', credentials: 'omit',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = await res.json();
    if (res.ok) { form.hidden = true; msg.className = 'ok'; msg.textContent = '提交成功！我们会尽快审核并与你联系。'; return; }
    const fieldErrors = (data.error && data.error.details && data.error.details.fields) || {};
    for (const [k, text] of Object.entries(fieldErrors)) { const el = document.getElementById('err-' + k); if (el) el.textContent = text; }
    msg.className = 'bad'; msg.textContent = data.error ? data.error.message : '提交失败，请稍后再试';
  } catch { msg.className = 'bad'; msg.textContent = '网络异常，请稍后再试'; }
  finally { btn.disabled = false; }
});`;

export function renderApplyPage(p: {
  brand: string;
  drive: string;
  open: boolean;
  endpoint: string;
}): string {
  const form = p.open
    ? `<form id="f" novalidate>${fields
        .map(
          (f) =>
            `<label for="${f.name}">${esc(f.label)}</label>${f.input}<div class="err" id="err-${f.name}"></div>`,
        )
        .join('')}<button type="submit">提交申请</button></form><div id="msg" role="status"></div>
<script>${script(p.endpoint)}</script><noscript>请开启浏览器的 JavaScript 后提交申请。</noscript>`
    : '<p>本次招募已结束，感谢关注。</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(p.drive)} · ${esc(p.brand)}</title>
<style>${style}</style></head><body><main><h1>${esc(p.drive)}</h1><p class="lead">${esc(p.brand)} KOC 招募 · 填写以下信息申请加入</p>
${form}</main></body></html>`;
}

export function renderNotFoundPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>页面不存在</title><style>${style}</style></head><body><main><h1>页面不存在</h1><p>该招募链接无效或已失效。</p></main></body></html>`;
}
