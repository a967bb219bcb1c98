namespace EventReactor.Reactor.Ui;

/// <summary>The dashboard's settings, under <c>Reactor:Ui</c>.</summary>
internal sealed class UiOptions
{
    public const string Section = "Reactor:Ui";

    /// <summary>How many of the latest events the journal keeps for event pages and causation chains.</summary>
    public int EventHistory { get; set; } = 100_000;
}
