using EventReactor.Contracts;
using EventReactor.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.EndToEnd;

/// <summary>
/// Decorates the reactor's broker-facing publishers (<see cref="IEventPublisher"/> and, where the transport has one,
/// <see cref="IEventBatchPublisher"/>): once the broker confirmed an event, the observer learns of it. Counting here
/// rather than from a queue of our own keeps the broker's work the reactor's alone and assumes nothing about the
/// exchanges. The only place that knows which interfaces the reactor publishes through.
/// </summary>
internal sealed class CountingPublisher(IReactionObserver observer, IEventPublisher single, IEventBatchPublisher? batch)
    : IEventPublisher, IEventBatchPublisher
{
    /// <summary>Replaces the last registration of each publisher interface with this decoration of it.</summary>
    public static void Decorate(IServiceCollection services, IReactionObserver observer)
    {
        var single = Take<IEventPublisher>(services) ?? throw new InvalidOperationException("the reactor registers no IEventPublisher to count");
        var batch = Take<IEventBatchPublisher>(services);
        services.AddSingleton(provider => new CountingPublisher(
            observer,
            (IEventPublisher)Build(provider, single),
            batch is null ? null : (IEventBatchPublisher)Build(provider, batch)));
        services.AddSingleton<IEventPublisher>(provider => provider.GetRequiredService<CountingPublisher>());
        if (batch is not null)
        {
            services.AddSingleton<IEventBatchPublisher>(provider => provider.GetRequiredService<CountingPublisher>());
        }
    }

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        await single.PublishAsync(envelope, cancellationToken);
        observer.Observe(envelope);
    }

    public async Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken)
    {
        var inner = batch ?? throw new InvalidOperationException("the reactor registered no IEventBatchPublisher");
        var confirmed = await inner.PublishAsync(events, cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            if (confirmed[i])
            {
                observer.Observe(CloudEventJson.Deserialize(events[i].Json.Span));
            }
        }

        return confirmed;
    }

    private static ServiceDescriptor? Take<TService>(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService);
        if (descriptor is not null)
        {
            services.Remove(descriptor);
        }

        return descriptor;
    }

    private static object Build(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
