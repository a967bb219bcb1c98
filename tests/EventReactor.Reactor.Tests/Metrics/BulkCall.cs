using System.Text.Json.Nodes;

namespace EventReactor.Reactor.Tests.Metrics;

/// <summary>One <c>_bulk</c> request the stand-in received: its action lines with their documents.</summary>
internal sealed record BulkCall(string Authorization, string? ContentType, List<(JsonObject Action, JsonObject Document)> Actions)
{
    public IEnumerable<string> Ids => Actions.Select(a => a.Action["create"]!["_id"]!.GetValue<string>());
}
