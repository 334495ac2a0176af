module.exports = require('../../jest.preset')(__dirname, 'call-routing');
