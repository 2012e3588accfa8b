using System.Text;
using Dangjian.Cli;

// Chinese messages must reach the terminal intact even where the platform default encoding is not UTF-8.
Console.OutputEncoding = Encoding.UTF8;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C lets the running command stop at its next await instead of dying mid-transaction;
    // a second one, for a command that does not stop, ends the process as usual.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};
return await CliApp.RunAsync(args, Console.Out, Console.Error, Console.In, cancellation.Token);
