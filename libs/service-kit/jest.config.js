module.exports = require('../../jest.preset')(__dirname, 'service-kit');
