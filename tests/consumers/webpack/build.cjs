// `npx webpack` with no webpack.config.js, through webpack's API (webpack-cli is one more package for the same defaults).
const webpack = require('webpack');

webpack({ mode: 'production' }, (error, stats) => {
  if (error || stats.hasErrors() || stats.hasWarnings()) {
    console.error(error ?? stats.toString({ colors: false, all: false, errors: true, warnings: true }));
    process.exit(1);
  }
  console.log(stats.toString({ colors: false, modules: false }));
});
