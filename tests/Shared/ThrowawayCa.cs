using System.Diagnostics;

namespace EventReactor.Tests.Shared;

/// <summary>
/// A CA made with <c>openssl</c> for one test class, in a temporary folder: a server certificate for localhost and
/// 127.0.0.1 that it signed, and a second CA that signed nothing here (the wrong one to trust).
/// </summary>
public sealed class ThrowawayCa : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eventreactor-ca-").FullName;

    public ThrowawayCa()
    {
        OpenSsl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=EventReactor test CA", "-keyout", Path("ca.key"), "-out", CaFile);
        OpenSsl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=Some other CA", "-keyout", Path("other.key"), "-out", OtherCaFile);
        OpenSsl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost", "-keyout", ServerKeyFile, "-out", Path("server.csr"));
        File.WriteAllText(Path("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        OpenSsl("x509", "-req", "-in", Path("server.csr"), "-CA", CaFile, "-CAkey", Path("ca.key"), "-CAcreateserial", "-days", "1", "-extfile", Path("server.ext"), "-out", ServerCertificateFile);
    }

    public string CaFile => Path("ca.pem");

    public string OtherCaFile => Path("other-ca.pem");

    public string ServerCertificateFile => Path("server.pem");

    public string ServerKeyFile => Path("server.key");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private static void OpenSsl(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("openssl is needed to make test certificates: apt-get install openssl", ex);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed: {error.Result}");
            }
        }
    }
}
