module.exports = require('../../jest.preset')(__dirname, 'local-stack');
