// Lint rules: typescript-eslint's type-aware recommended set, plus the few
// rules that guard this project's habits (no floating promises in workers, no
// stray console in library code: the logger scrubs secrets, console does not).
import js from '@eslint/js';
import * as espree from 'espree';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'connectors/servicenow/app/*', '!connectors/servicenow/app/src', 'connectors/servicenow/app/src/*', '!connectors/servicenow/app/src/scripts', '.data/**', 'eslint.config.js', 'bin/**', 'scripts/**', 'connectors/servicenow/sandbox/page/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['test/**', 'bench/**', 'src/cli/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain scripts shipped as they are (the container's health check): no type information, Node's globals.
    files: ['deploy/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, project: null }, globals: { process: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
  },
  {
    // Plain ES5 scripts that run unchanged in browsers, on the ServiceNow
    // instance and in Node (the shared scope-review module, the app's
    // scripts): parsed as ES5, so later syntax fails the lint, not an old engine.
    files: ['connectors/servicenow/shared/**/*.js', 'connectors/servicenow/app/src/scripts/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parser: espree,
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { window: 'readonly', module: 'readonly' },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { vars: 'local', caughtErrorsIgnorePattern: '^_' }],
      'no-var': 'off',
      strict: 'off',
    },
  },
  {
    // The ServiceNow app's scripts: what the instance and the browser provide.
    files: ['connectors/servicenow/app/src/scripts/**/*.js'],
    languageOptions: {
      globals: {
        gs: 'readonly', GlideRecord: 'readonly', GlideRecordSecure: 'readonly', GlideDateTime: 'readonly', Class: 'readonly', global: 'readonly',
        sn_ws: 'readonly', sn_ws_err: 'readonly', request: 'readonly', response: 'readonly',
        current: 'readonly', previous: 'readonly', x_acme_aihandoff: 'readonly', AiHandoffScopeReview: 'readonly', AiHandoffServer: 'readonly',
        AiHandoffIntake: 'readonly', AiHandoffReadCheck: 'readonly', AiHandoffDialog: 'readonly',
        document: 'readonly', g_form: 'readonly', GlideAjax: 'readonly', GlideModal: 'readonly',
        // Core UI's date-time format and the user's zone offset (ms), where the page has them.
        g_user_date_time_format: 'readonly', g_tz_offset: 'readonly',
      },
    },
    // Each script include defines the global named after it.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
);
