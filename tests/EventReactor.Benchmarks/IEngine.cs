using EventReactor.Contracts;

namespace EventReactor.Benchmarks;

internal interface IEngine
{
    string Name { get; }

    /// <summary>The number of rules whose tag and condition hold for the event.</summary>
    int Process(EventEnvelope envelope);
}
