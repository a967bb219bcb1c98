using EventReactor.Core.Actions;

namespace EventReactor.Core.Tests;

/// <summary>A catalog shaped like the reactor's built-in actions, for parsing tests.</summary>
internal static class TestActions
{
    public static ActionCatalog Catalog { get; } = new(
    [
        new ActionSchema("event.fire", "fire", [new("tag", ArgumentKind.String, true, "tag"), new("data", ArgumentKind.Map, false, "data")]),
        new ActionSchema("log", "log", [new("message", ArgumentKind.String, true, "text"), new("level", ArgumentKind.String, false, "level")]),
    ]);
}
