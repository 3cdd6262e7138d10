// @custom-elements-manifest/analyzer: custom-elements.json from the classes' JSDoc
// (@tag @attr @prop @fires @csspart @cssproperty). Run by scripts/build-web.js.
export default {
  globs: ['web/components/*/*.component.js'],
  outdir: '.',
  dependencies: false,
  packagejson: false,
};
