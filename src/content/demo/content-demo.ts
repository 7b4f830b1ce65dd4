// Demo content for the Bloom Beauty workspace: a few posters (PNG drawn in code: QR codes to the demo
// shop), cards, about twenty scripts by purpose in the brand's voice, and an advertising-law word list.
import QRCode from 'qrcode';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/store/database.js';
import { addCardMaterial } from '../materials/add-card-material.js';
import { addFileMaterial } from '../materials/add-file-material.js';
import { createFolder } from '../folders/create-folder.js';
import { createScript } from '../scripts/create-script.js';
import type { ScriptPurpose } from '../scripts/script-view.js';
import { addSensitiveWords } from '../sensitive/add-sensitive-words.js';

const actor = 'system:demo';
const shop = 'https://shop.bloom-beauty.example';

// [name, purpose, body]; `promotion` follows the purpose.
const scripts: [string, ScriptPurpose, string][] = [
  [
    '新粉欢迎',
    'welcome',
    '{{contact.name | 亲爱的}}你好呀～我是花漾美妆的{{koc.name | 小花}}，以后护肤有任何问题都可以来问我！先送你一份新人肤质测试：{{campaign.link | 回复“测试”领取}}',
  ],
  [
    '入群欢迎',
    'welcome',
    '欢迎{{contact.name | 新姐妹}}加入{{workspace.name}}闺蜜群🌸 群里每天早上分享护肤小知识，周三有成分党答疑，记得置顶哦～',
  ],
  [
    '门店扫码欢迎',
    'welcome',
    '{{contact.name | 亲}}，谢谢来{{contact.city | 门店}}体验！你试用的是我们的修护精华，回家用三天记得告诉我肤感怎么样～',
  ],
  [
    '早安问候',
    'greeting',
    '早上好{{contact.name | 呀}}☀️ 今天紫外线有点强，出门前防晒记得涂够一元硬币大小哦',
  ],
  [
    '周末问候',
    'greeting',
    '{{contact.name | 亲}}周末愉快！熬夜追剧的话，睡前敷个补水面膜，第二天上妆不卡粉～',
  ],
  [
    '换季关怀',
    'greeting',
    '{{contact.city | 最近}}降温了，{{contact.name | 亲}}的皮肤有没有干痒泛红？换季先把洁面换成温和的氨基酸款会舒服很多',
  ],
  [
    '话题：敏感肌',
    'topic',
    '今日话题💬 敏感肌的姐妹们，你们换季最怕哪一步？泛红、刺痛还是起皮？评论区说说，{{koc.name | 小花}}挑三位送修护精华小样',
  ],
  [
    '话题：成分党',
    'topic',
    '成分党小课堂：烟酰胺和VC能一起用吗？先说结论：可以，但敏感肌建议早VC晚烟酰胺，先在耳后试用两天',
  ],
  ['话题：晒单', 'topic', '晒单时间到📸 用了一个月修护精华的姐妹，来晒一下前后对比吧！真实反馈最有说服力'],
  ['话题：通勤妆', 'topic', '五分钟通勤妆大家都怎么画？{{koc.name | 小花}}先抛砖：素颜霜+眉笔+唇釉，搞定'],
  [
    '朋友圈：种草',
    'moment',
    '最近被问爆的修护精华🌿 敏感肌的我连用28天，泛红真的少了。不是广告，是真心回购第三瓶了',
  ],
  ['朋友圈：日常', 'moment', '下班路上顺手拍的晚霞～护肤也像生活，慢慢来，比较快'],
  [
    '朋友圈：成分',
    'moment',
    '很多姐妹问精华为什么要先用爽肤水，其实是为了让后续吸收更好。今天把我的护肤顺序整理好了，需要的私我',
  ],
  [
    '大促预热',
    'promotion',
    '{{contact.name | 亲}}，双11预售开始啦！{{product.name | 修护精华}}到手价{{product.price}}元，前1000名加赠同款小样：{{campaign.link}}',
  ],
  [
    '限时福利',
    'promotion',
    '闺蜜专属福利🎁 {{campaign.name | 周年庆}}期间，{{product.name | 修护精华}}第二件半价，今晚12点截止：{{campaign.link}}',
  ],
  [
    '会员日',
    'promotion',
    '每月18号会员日～{{contact.name | 亲}}的积分可以直接抵现，{{product.name | 洁面乳}}只要{{product.price}}元',
  ],
  [
    '异议：太贵',
    'objection',
    '理解的{{contact.name | 亲}}～其实一瓶能用两个月，算下来一天不到三块钱。也可以先领小样试用，合适再入手',
  ],
  [
    '异议：怕过敏',
    'objection',
    '担心过敏很正常！我们的修护精华无香精无酒精，建议先在耳后试用48小时，有任何不适随时找我',
  ],
  [
    '售后：到货回访',
    'after_sales',
    '{{contact.name | 亲}}，包裹应该到了吧？{{product.name | 精华}}开封后记得放阴凉处，用法有疑问随时问我～',
  ],
  [
    '售后：使用一周',
    'after_sales',
    '{{contact.name | 亲}}用了一周感觉怎么样？如果有刺痛或泛红，先停用告诉我，我帮你看看',
  ],
  [
    '售后：复购提醒',
    'after_sales',
    '{{contact.name | 亲}}，算算时间{{product.name | 精华}}快用完啦，老客复购有专属价，要帮你留一份吗？',
  ],
];

async function poster(text: string): Promise<Uint8Array> {
  return QRCode.toBuffer(text, {
    type: 'png',
    width: 240,
    margin: 2,
    color: { dark: '#c2185bff', light: '#fff5f8ff' },
  });
}

export async function seedContentDemo(ctx: { db: Db; workspaceId: string; clock: Clock; dataDir: string }) {
  const { db, workspaceId } = ctx;
  const now = ctx.clock.now();
  const c = { actor, now };
  await addSensitiveWords(
    db,
    workspaceId,
    {
      words: [
        ...['最便宜', '第一', '国家级', '最高级', '最佳', '100%有效', '根治', '药用'].map((word) => ({
          word,
          level: 'block' as const,
        })),
        ...['微信转账', '私下交易', '加我私人号'].map((word) => ({ word, level: 'warn' as const })),
      ],
    },
    c,
  );
  const folder = await createFolder(db, workspaceId, { name: '双11大促' }, c);
  const files = { ...c, dataDir: ctx.dataDir };
  const double11 = await addFileMaterial(
    db,
    workspaceId,
    { kind: 'poster', title: '双11预售海报', folderId: folder.id, tags: ['双11', '海报'] },
    { bytes: await poster(`${shop}/double11`), name: 'double11.png', type: 'image/png' },
    files,
  );
  const anniversary = await addFileMaterial(
    db,
    workspaceId,
    { kind: 'poster', title: '周年庆邀请海报', tags: ['周年庆', '海报'] },
    { bytes: await poster(`${shop}/anniversary`), name: 'anniversary.png', type: 'image/png' },
    files,
  );
  const product = await addCardMaterial(
    db,
    workspaceId,
    {
      kind: 'product',
      title: '修护精华 30ml',
      productName: '花漾玻尿酸修护精华 30ml',
      price: 199,
      url: `${shop}/p/serum`,
      imageMaterialId: double11.id,
      folderId: folder.id,
      tags: ['双11'],
    },
    c,
  );
  await addCardMaterial(
    db,
    workspaceId,
    {
      kind: 'link',
      title: '新人肤质测试',
      url: `${shop}/skin-test`,
      description: '3分钟测出你的肤质',
      coverMaterialId: anniversary.id,
      tags: ['新人'],
    },
    c,
  );
  await addCardMaterial(
    db,
    workspaceId,
    { kind: 'text', title: '护肤顺序', text: '洁面→爽肤水→精华→乳液/面霜→防晒（白天）', tags: ['干货'] },
    c,
  );
  for (const [name, purpose, body] of scripts) {
    const attachments =
      name === '大促预热' ? [double11.id, product.id] : name === '限时福利' ? [anniversary.id] : [];
    await createScript(db, workspaceId, { name, purpose, body, attachments }, c);
  }
}
