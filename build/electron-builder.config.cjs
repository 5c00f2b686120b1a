// electron-builder: packages out/ (built by `npm run build`) into the desktop app.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.comptoir.desktop',
  productName: 'Comptoir',
  // Not dist/: Vite's default output lives there.
  directories: { output: 'out/dist', buildResources: 'build/resources' },
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'out/store/**',
    'package.json',
    '!**/*.map',
    // main, preloads and pages are bundled: no node_modules needed at run time.
    '!node_modules/**',
  ],
  asar: true,
  // Everything main needs is bundled into main.cjs: no native module to rebuild, nothing to fetch.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  linux: { target: ['dir', 'AppImage', 'deb'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
  win: { target: ['nsis'] },
};
