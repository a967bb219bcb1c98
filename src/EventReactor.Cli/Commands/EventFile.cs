using EventReactor.Contracts;
using EventReactor.Core.Evaluation;

namespace EventReactor.Cli.Commands;

/// <summary>Reads the event for a dry run from a file or standard input (<see cref="DryRunEvent"/> gives the forms).</summary>
internal static class EventFile
{
    public static async Task<EventEnvelope> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
        return DryRunEvent.Parse(text, "/cli");
    }
}
