using MassTransit;

namespace EventReactor.Messaging;

/// <summary>
/// What each part of a process (reactor, minion) adds to the one bus it shares; MassTransit allows a single
/// registration per container, so parts register here first and <see cref="EventBusExtensions.AddEventBus"/> applies them all.
/// </summary>
internal sealed class EventBusParts
{
    public List<Action<IBusRegistrationConfigurator>> Registrations { get; } = [];
}
