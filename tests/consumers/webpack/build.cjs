// `npx webpack` with no webpack.config.js, through webpack's API (webpack-cli is one more package for the same defaults).
// The matrix's every-export check passes options as JSON in argv[2] (entry, output, target); the fixture passes none.
const webpack = require('webpack');

const options = process.argv[2] ? JSON.parse(process.argv[2]) : {};
webpack({ mode: 'production', ...options }, (error, stats) => {
  if (error || stats.hasErrors() || stats.hasWarnings()) {
    console.error(error ?? stats.toString({ colors: false, all: false, errors: true, warnings: true }));
    process.exit(1);
  }
  console.log(stats.toString({ colors: false, modules: false }));
});
