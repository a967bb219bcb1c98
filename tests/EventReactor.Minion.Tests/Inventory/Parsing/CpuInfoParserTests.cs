using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Tests.Inventory.Parsing;

public sealed class CpuInfoParserTests
{
    [Fact]
    public void Parse_ArmWithoutTopology_CountsEachCpuAsACore()
    {
        const string Cpuinfo = """
            processor	: 0
            BogoMIPS	: 243.75
            Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop sha3 sm3 sm4 asimddp sha512 sve asimdfhm dit uscat ilrcpc flagm ssbs paca pacg dcpodp sve2 sveaes svepmull svebitperm svesha3 svesm4 flagm2 frint svei8mm svebf16 i8mm bf16 dgh rng
            CPU implementer	: 0x41
            CPU architecture: 8
            CPU variant	: 0x0
            CPU part	: 0xd4f
            CPU revision	: 1

            processor	: 1
            BogoMIPS	: 243.75
            Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop sha3 sm3 sm4 asimddp sha512 sve asimdfhm dit uscat ilrcpc flagm ssbs paca pacg dcpodp sve2 sveaes svepmull svebitperm svesha3 svesm4 flagm2 frint svei8mm svebf16 i8mm bf16 dgh rng
            CPU implementer	: 0x41
            CPU architecture: 8
            CPU variant	: 0x0
            CPU part	: 0xd4f
            CPU revision	: 1
            """;

        var cpu = CpuInfoParser.Parse(Cpuinfo, null);

        Assert.Equal(("ARM", "aarch64", 1, 2, 2), (cpu.Vendor, cpu.Architecture, cpu.Sockets, cpu.Cores, cpu.Threads));
        Assert.Equal(["aes", "asimd", "sve", "sve2"], cpu.Flags);
    }
}
