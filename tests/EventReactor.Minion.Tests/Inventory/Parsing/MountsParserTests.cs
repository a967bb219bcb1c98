using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Tests.Inventory.Parsing;

public sealed class MountsParserTests
{
    private const string Mounts = """
        /dev/sda2 / ext4 rw 0 0
        /dev/sdb1 /var/lib/docker xfs rw 0 0
        overlay /var/lib/docker/overlay2/abc/merged overlay rw 0 0
        /dev/sdc1 /var/lib/docker2 btrfs rw 0 0
        """;

    [Theory]
    [InlineData("/var/lib/docker", "xfs")]
    [InlineData("/var/lib/docker2", "btrfs")]
    [InlineData("/var/lib/dockerish", "ext4")]
    [InlineData("/srv/docker", "ext4")]
    public void FileSystemTypeOf_Path_TakesTheLongestMountPointHoldingIt(string path, string expected) =>
        Assert.Equal(expected, MountsParser.FileSystemTypeOf(Mounts, path));
}
