namespace EventReactor.Contracts.Reactor;

/// <summary>The tags the reactor publishes about itself and about presence.</summary>
public static class ReactorTags
{
    /// <summary>The <c>source</c> of the reactor's own events.</summary>
    public const string Source = "/reactor";

    public const string RulesLoaded = "reactor/rules/loaded";

    public const string RulesInvalid = "reactor/rules/invalid";

    public const string ActionFailed = "reactor/action/failed";

    public const string PresenceChange = "presence/change";
}
