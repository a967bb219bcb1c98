namespace EventReactor.Reactor.Journal;

/// <summary>A replay that cannot run as asked: a bad window, invalid candidate rules, or the journal is off.</summary>
internal sealed class ReplayRefusedException(string title, string message, int statusCode) : Exception(message)
{
    public string Title { get; } = title;

    public int StatusCode { get; } = statusCode;
}
