namespace EventReactor.Reactor.Security;

/// <summary>What an API token may do; each endpoint declares the one it needs.</summary>
internal enum ApiScope
{
    /// <summary><c>read</c>: every GET, the event stream and the dashboard.</summary>
    Read,

    /// <summary><c>events:publish</c>: <c>POST /api/events</c>, for tags matching the token's publish globs.</summary>
    EventsPublish,

    /// <summary><c>commands</c>: what makes minions work (pools, benchmark runs).</summary>
    Commands,

    /// <summary><c>admin</c>: keys and rules.</summary>
    Admin,
}
