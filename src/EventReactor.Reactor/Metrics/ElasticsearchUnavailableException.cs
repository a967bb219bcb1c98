namespace EventReactor.Reactor.Metrics;

/// <summary>The bulk request as a whole failed (refused, timed out, 429/5xx) or left documents to retry: back off and try again.</summary>
internal sealed class ElasticsearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
