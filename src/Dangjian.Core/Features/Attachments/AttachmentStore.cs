using System.Security.Cryptography;
using Dangjian.Core.Data;

namespace Dangjian.Core.Features.Attachments;

/// <summary>
/// Where attachment bytes live and how large one may be (configuration <c>Storage:AttachmentsPath</c>,
/// <c>Storage:AttachmentMaxSizeMB</c>). The folder is never under wwwroot: files are served only through the
/// scope-checked download, never as static files.
/// </summary>
public sealed record AttachmentStoreSettings(string RootPath, long MaxBytes)
{
    public const int DefaultMaxMegabytes = 20;
    public const string FolderName = "attachments";

    public int MaxMegabytes => (int)Math.Max(1, MaxBytes / (1024 * 1024));

    /// <summary>
    /// The configured folder, or by default an "attachments" folder beside the SQLite database (so one data folder holds
    /// everything to back up), or <c>data/attachments</c> under the working directory when the database is PostgreSQL.
    /// </summary>
    public static AttachmentStoreSettings From(string? path, int? maxMegabytes, DatabaseSettings database)
    {
        if (maxMegabytes is <= 0)
        {
            throw new InvalidOperationException("Storage:AttachmentMaxSizeMB 必须是大于 0 的整数（单位 MB）。");
        }

        var root = string.IsNullOrWhiteSpace(path) ? DefaultRoot(database) : path;
        return new AttachmentStoreSettings(Path.GetFullPath(root), (long)(maxMegabytes ?? DefaultMaxMegabytes) * 1024 * 1024);
    }

    private static string DefaultRoot(DatabaseSettings database)
    {
        var file = database.SqliteFile;
        if (!string.IsNullOrEmpty(file) && file != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) return Path.Combine(folder, FolderName);
        }

        return Path.Combine("data", FolderName);
    }
}

/// <summary>
/// The file system folder that holds attachment bytes. A file arrives in a temporary file inside the store (same volume),
/// is hashed on the way in, and is renamed to its random key only once it has passed inspection, so a half-written or
/// refused upload never takes a key. Files sit in sub-folders by the key's first two characters to keep folders small.
/// </summary>
public sealed class AttachmentStore(AttachmentStoreSettings settings)
{
    private const string IncomingFolder = ".incoming";

    public AttachmentStoreSettings Settings => settings;

    /// <summary>
    /// Copies <paramref name="content"/> into a temporary file, reading at most one byte more than the limit so an
    /// over-size upload is detected without being stored whole.
    /// </summary>
    public async Task<StagedAttachment> StageAsync(Stream content, CancellationToken ct)
    {
        var incoming = Path.Combine(settings.RootPath, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var tempPath = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".tmp");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var tooLarge = false;
        try
        {
            await using var target = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > settings.MaxBytes)
                {
                    tooLarge = true;
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch
        {
            TryDeleteFile(tempPath);
            throw;
        }

        return new StagedAttachment(this, tempPath, size, tooLarge, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Opens a stored file for reading, or null when it is missing (removed by hand, or never committed).</summary>
    public Stream? OpenRead(string storageKey)
    {
        var path = PathOf(storageKey);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Removes stored files after the rows that pointed at them are gone. A file that cannot be removed stays behind as an
    /// orphan (harmless: nothing refers to it) rather than failing a change that has already been committed.
    /// </summary>
    public void DeleteQuietly(IEnumerable<string> storageKeys)
    {
        foreach (var key in storageKeys)
        {
            TryDeleteFile(PathOf(key));
        }
    }

    public bool Exists(string storageKey) => File.Exists(PathOf(storageKey));

    internal string Commit(string tempPath)
    {
        var key = NewKey();
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(tempPath, path, overwrite: false);
        return key;
    }

    internal static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>32 random hex characters: unguessable and never derived from anything the user sent.</summary>
    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private string PathOf(string storageKey)
    {
        // Keys come from our own rows, but a tampered row must still not reach outside the store.
        if (storageKey.Length != 32 || !storageKey.All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidOperationException("附件存储键格式不正确");
        }

        return Path.Combine(settings.RootPath, storageKey[..2], storageKey);
    }
}

/// <summary>An upload held in the store's temporary folder until it is accepted; disposing it removes what was not committed.</summary>
public sealed class StagedAttachment : IDisposable
{
    private readonly AttachmentStore _store;
    private string? _tempPath;

    internal StagedAttachment(AttachmentStore store, string tempPath, long size, bool tooLarge, string sha256)
    {
        _store = store;
        _tempPath = tempPath;
        Size = size;
        TooLarge = tooLarge;
        Sha256 = sha256;
    }

    /// <summary>Bytes received; when <see cref="TooLarge"/>, only that the limit was passed.</summary>
    public long Size { get; }

    public bool TooLarge { get; }
    public string Sha256 { get; }

    public Stream OpenRead() =>
        new FileStream(_tempPath ?? throw new InvalidOperationException("文件已提交"), FileMode.Open, FileAccess.Read, FileShare.Read);

    /// <summary>Moves the file to its permanent place under a new random key.</summary>
    public string Commit()
    {
        var key = _store.Commit(_tempPath ?? throw new InvalidOperationException("文件已提交"));
        _tempPath = null;
        return key;
    }

    public void Dispose()
    {
        if (_tempPath is not null)
        {
            AttachmentStore.TryDeleteFile(_tempPath);
            _tempPath = null;
        }
    }
}
