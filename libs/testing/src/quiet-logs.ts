// Jest setup file: services under test log warnings and errors only, unless LOG_LEVEL says otherwise.
process.env.LOG_LEVEL ??= 'warn';
