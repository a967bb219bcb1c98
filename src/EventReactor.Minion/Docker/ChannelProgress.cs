using System.Threading.Channels;

namespace EventReactor.Minion.Docker;

// Progress<T> posts to the thread pool and reorders; events must keep the engine's order, so write synchronously.
internal sealed class ChannelProgress<T>(ChannelWriter<T> writer) : IProgress<T>
{
    public void Report(T value) => writer.TryWrite(value);
}
