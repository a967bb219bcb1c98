using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Tests.Shared;

/// <summary>Moves a fake clock on until the work under test is done, so backoff waits pass without being slept.</summary>
internal static class FakeClock
{
    /// <summary>Advances <paramref name="time"/> a step at a time (letting the work run between steps) until <paramref name="done"/>.</summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> done, TimeSpan step)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done())
        {
            deadline.Token.ThrowIfCancellationRequested();
            time.Advance(step);

            // Real time only for the work's continuations to run, never the backoff's length.
            await Task.Delay(TimeSpan.FromMilliseconds(1), CancellationToken.None);
        }
    }
}
