// Lint rules, including the import boundaries of DEVELOPERS.md:
// - domain use-cases and stores never import the HTTP framework (only *.routes.ts and src/platform/http do);
// - src/platform never imports a domain;
// - the console never imports server code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve } from 'node:path';

const srcDir = resolve(import.meta.dirname, 'src');
// src/platform may import itself and the migration history, nothing else under src/.
const platformImportsNoDomain = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = relative(srcDir, resolve(dirname(context.filename), spec));
      if (target.startsWith('..')) return;
      const top = target.split(/[\\/]/)[0];
      if (top !== 'platform' && top !== 'migrations') {
        context.report({ node, message: `src/platform must not import a domain (${spec})` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const httpFramework = {
  group: ['hono', 'hono/*', '@hono/*'],
  message: 'Only *.routes.ts files and src/platform/http may know the HTTP framework.',
};
const cliFramework = {
  group: ['commander'],
  message: 'Only *.cli.ts files and src/cli may know the CLI framework.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', '.tmp*', '.*.ts', '.*.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*.routes.ts',
      'src/platform/http/**',
      'src/app.ts',
      'src/**/*.test.ts',
      'src/cli/**',
      'src/**/*.cli.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [httpFramework, cliFramework] }] },
  },
  {
    files: ['src/**/*.routes.ts', 'src/platform/http/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [cliFramework] }] },
  },
  {
    files: ['src/platform/**/*.ts'],
    ignores: ['src/platform/**/*.test.ts'],
    plugins: { guimi: { rules: { 'platform-imports-no-domain': platformImportsNoDomain } } },
    rules: { 'guimi/platform-imports-no-domain': 'error' },
  },
  {
    files: ['console/**/*.ts', 'console/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)src/', message: 'The console never imports server code.' }] },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
);
