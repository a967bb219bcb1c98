using EventReactor.Hosting;
using EventReactor.Minion.Host;

return await CommandLineRunner.RunAsync(MinionRootCommand.Create(), MinionRootCommand.Executable, args);
