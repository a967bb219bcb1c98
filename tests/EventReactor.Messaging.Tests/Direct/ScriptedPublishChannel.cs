using EventReactor.Messaging.Direct;
using NSubstitute;
using RabbitMQ.Client;

namespace EventReactor.Messaging.Tests.Direct;

/// <summary>A publishing channel whose broker is unreachable for the first <c>unreachable</c> opens, then accepts every publish.</summary>
internal sealed class ScriptedPublishChannel(int unreachable) : IDirectPublishChannel
{
    private int _opens;

    public IChannel Channel { get; } = Substitute.For<IChannel>();

    public int Opens => Volatile.Read(ref _opens);

    public bool IsDisposed { get; set; }

    public string UserId => "guest";

    public int Published => Channel.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(IChannel.BasicPublishAsync));

    public ValueTask<IChannel> GetAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return Interlocked.Increment(ref _opens) <= unreachable
            ? ValueTask.FromException<IChannel>(new IOException("connection refused"))
            : ValueTask.FromResult(Channel);
    }

    public void Reset(IChannel broken)
    {
    }
}
