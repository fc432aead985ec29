// The security plugins ship no type declarations; each exports one ESLint plugin object.
declare module 'eslint-plugin-security' {
  const plugin: import('eslint').ESLint.Plugin;
  export default plugin;
}

declare module 'eslint-plugin-no-unsanitized' {
  const plugin: import('eslint').ESLint.Plugin;
  export default plugin;
}

declare module '@microsoft/eslint-plugin-sdl' {
  const plugin: import('eslint').ESLint.Plugin;
  export default plugin;
}
