namespace EventReactor.Reactor.Metrics;

/// <summary>One transaction's worth for <c>metrics.db</c>: the events read and the Elasticsearch documents mapped from them.</summary>
internal sealed record PreparedWrite(IReadOnlyList<ParsedEvent> Events, IReadOnlyList<EcsDocument> Documents);
