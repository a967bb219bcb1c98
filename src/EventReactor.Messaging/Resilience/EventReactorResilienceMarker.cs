namespace EventReactor.Messaging.Resilience;

/// <summary>Marks a service collection that already holds the bus's pipelines.</summary>
internal sealed class EventReactorResilienceMarker;
