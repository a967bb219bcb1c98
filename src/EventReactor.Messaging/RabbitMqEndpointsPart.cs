using MassTransit;

namespace EventReactor.Messaging;

/// <summary>
/// Receive endpoints one part of a process configures itself on RabbitMQ (several queues for one consumer, a temporary
/// queue), held as a service and applied when the bus is configured; ignored on the in-memory bus.
/// </summary>
internal sealed record RabbitMqEndpointsPart(Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator> Configure);
