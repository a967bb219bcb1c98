using EventReactor.Cli;

return await CliApplication.RunAsync(args);
