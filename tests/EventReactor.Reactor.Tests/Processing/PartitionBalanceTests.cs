using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Tests.Processing;

public sealed class PartitionBalanceTests
{
    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, 4, 2, new[] { 3, 2 })]
    [InlineData(new[] { 0, 1, 2, 3 }, 4, 3, new[] { 3, 2 })]
    [InlineData(new[] { 0, 2 }, 4, 2, new int[0])]
    [InlineData(new[] { 0, 1, 2, 3 }, 4, 1, new int[0])]
    [InlineData(new[] { 1, 5, 6 }, 8, 4, new[] { 6 })]
    [InlineData(new int[0], 4, 2, new int[0])]
    [InlineData(new[] { 0, 1 }, 4, 8, new[] { 1 })]
    public void ToRelease_HeldPartitionsAndReactors_HandsBackWhatExceedsTheFairShare(int[] held, int partitions, int reactors, int[] released) =>
        Assert.Equal(released, PartitionBalance.ToRelease(held, partitions, reactors));

    [Fact]
    public void Take_PartitionsMarkedSinceTheLastTake_ReturnsThemOnce()
    {
        var activity = new PartitionActivity(4);
        activity.Mark(3);
        activity.Mark(1);
        activity.Mark(3);

        Assert.Equal([1, 3], activity.Take());
        Assert.Empty(activity.Take());
    }
}
