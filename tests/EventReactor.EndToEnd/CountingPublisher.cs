using EventReactor.Contracts;
using EventReactor.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.EndToEnd;

/// <summary>
/// Decorates the reactor's broker-facing publishers (<see cref="IEventPublisher"/>, <see cref="IEmittedEventPublisher"/>
/// through which its outbox publishes what it emitted and, where the transport has one, <see cref="IEventBatchPublisher"/>),
/// or a simulated minion's: once the broker confirmed an event, the observer learns of it. Counting here
/// rather than from a queue of our own keeps the broker's work the reactor's alone and assumes nothing about the
/// exchanges. The only place that knows which interfaces a host publishes through.
/// </summary>
internal sealed class CountingPublisher(IReactionObserver observer, IEventPublisher single, IEventBatchPublisher? batch, IEmittedEventPublisher emitted)
    : IEventPublisher, IEventBatchPublisher, IEmittedEventPublisher
{
    /// <summary>
    /// Replaces, where it stands, the registration of each publisher interface that the bus (EventReactor.Messaging)
    /// made with this decoration of it, so that a publisher the reactor registers over the bus's stays in front.
    /// </summary>
    public static void Decorate(IServiceCollection services, IReactionObserver observer)
    {
        var single = IndexOfBus<IEventPublisher>(services) ?? throw new InvalidOperationException("EventReactor.Messaging registers no IEventPublisher by implementation type: re-point CountingPublisher.IndexOfBus");
        var emitted = IndexOfBus<IEmittedEventPublisher>(services) ?? throw new InvalidOperationException("EventReactor.Messaging registers no IEmittedEventPublisher by implementation type: re-point CountingPublisher.IndexOfBus");
        var batch = IndexOfBus<IEventBatchPublisher>(services);
        var singleInner = services[single];
        var emittedInner = services[emitted];
        var batchInner = batch is { } b ? services[b] : null;
        services.AddSingleton(provider => new CountingPublisher(
            observer,
            (IEventPublisher)Build(provider, singleInner),
            batchInner is null ? null : (IEventBatchPublisher)Build(provider, batchInner),
            (IEmittedEventPublisher)Build(provider, emittedInner)));
        services[single] = ServiceDescriptor.Singleton<IEventPublisher>(provider => provider.GetRequiredService<CountingPublisher>());
        services[emitted] = ServiceDescriptor.Singleton<IEmittedEventPublisher>(provider => provider.GetRequiredService<CountingPublisher>());
        if (batch is { } index)
        {
            services[index] = ServiceDescriptor.Singleton<IEventBatchPublisher>(provider => provider.GetRequiredService<CountingPublisher>());
        }
    }

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        await single.PublishAsync(envelope, cancellationToken);
        if (observer.Listening)
        {
            observer.Observe(envelope);
        }
    }

    public async Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken)
    {
        var publisher = batch ?? throw new InvalidOperationException("the host registered no IEventBatchPublisher");
        if (observer.Listening)
        {
            observer.Sending(events);
        }

        return Observe(events, await publisher.PublishAsync(events, cancellationToken));
    }

    async Task<bool[]> IEmittedEventPublisher.PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken) =>
        Observe(events, await emitted.PublishAsync(events, cancellationToken));

    private bool[] Observe(IReadOnlyList<SerializedEvent> events, bool[] confirmed)
    {
        for (var i = 0; i < events.Count && observer.Listening; i++)
        {
            if (confirmed[i])
            {
                observer.Observe(CloudEventJson.Deserialize(events[i].Json.Span));
            }
        }

        return confirmed;
    }

    private static int? IndexOfBus<TService>(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(TService) && !descriptor.IsKeyedService
                && descriptor.ImplementationType?.Assembly == typeof(IEventPublisher).Assembly)
            {
                return i;
            }
        }

        return null;
    }

    private static object Build(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
