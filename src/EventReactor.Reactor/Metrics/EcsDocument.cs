using System.Text.Json.Nodes;

namespace EventReactor.Reactor.Metrics;

/// <summary>One document for Elasticsearch: the data stream it is created in, its deterministic id, and its ECS body.</summary>
internal sealed record EcsDocument(string DataStream, string Id, JsonObject Body);
