using EventReactor.Core.Threading;

namespace EventReactor.Reactor.Metrics;

/// <summary>Wakes the Elasticsearch shipper when the writer appended documents.</summary>
internal sealed class ElasticShipSignal : WakeSignal;
