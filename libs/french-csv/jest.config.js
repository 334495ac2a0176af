module.exports = require('../../jest.preset')(__dirname, 'french-csv');
