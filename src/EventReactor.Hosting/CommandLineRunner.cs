using System.CommandLine;

namespace EventReactor.Hosting;

/// <summary>Parses and runs a command line; a usage error is printed with a pointer to <c>--help</c> and exit code 2.</summary>
public static class CommandLineRunner
{
    public static async Task<int> RunAsync(RootCommand root, string executable, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"{executable}: {error.Message}");
            }

            await Console.Error.WriteLineAsync($"Run '{executable} --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync();
    }
}
