using MassTransit;

namespace EventReactor.Messaging;

/// <summary>
/// What one part of a process (reactor, minion) adds to the one bus it shares, held as a service: MassTransit allows a
/// single registration per container, which reads every part when the host builds its services.
/// </summary>
internal sealed record EventBusPart(Action<IBusRegistrationConfigurator> Registration);
