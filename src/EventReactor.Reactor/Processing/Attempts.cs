namespace EventReactor.Reactor.Processing;

/// <summary>How many times an action's handler was called, counted inside its retry pipeline and read after it.</summary>
internal sealed class Attempts
{
    public int Count { get; set; }
}
