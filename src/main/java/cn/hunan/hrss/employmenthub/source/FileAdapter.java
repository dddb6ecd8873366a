package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.FileSet;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared planning of file sources: every file matching an entity's path whose contents were not loaded yet. */
public abstract class FileAdapter implements SourceAdapter {

    @Override
    public List<ExtractUnit> plan(SourceDefinition source, JobsConfig config, Watermarks done, LocalDate runDate) {
        List<ExtractUnit> units = new ArrayList<>();
        for (EntityMapping m : source.entities()) {
            EntityType entity = EntityType.byKey(m.entity()).orElseThrow();
            for (Path file : FileSet.expand(config.dir(), m.path())) {
                String sha = sha256(file);
                for (ExtractUnit unit : units(entity, m, FileSet.label(config.dir(), m.path(), file), file, sha)) {
                    if (!done.fileLoaded(source.id(), entity.key(), unit.fingerprint())) {
                        units.add(unit);
                    }
                }
            }
        }
        return units;
    }

    /** The units of one file: the file itself; a workbook splits into its sheets. */
    protected List<ExtractUnit> units(EntityType entity, EntityMapping m, String label, Path file, String sha) {
        return List.of(new ExtractUnit(entity, m, label, file, sha));
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[65536];
            while (in.read(buf) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The declared encoding of the source's files, UTF-8 when none is declared. */
    protected static java.nio.charset.Charset charset(SourceDefinition source) {
        SourceDefinition.FileSettings f = source.file();
        return f == null || f.encoding() == null ? java.nio.charset.StandardCharsets.UTF_8
                : java.nio.charset.Charset.forName(f.encoding());
    }

    protected static int headerRow(SourceDefinition source, EntityMapping m) {
        if (m.headerRow() != null) {
            return m.headerRow();
        }
        return source.file() != null && source.file().headerRow() != null ? source.file().headerRow() : 1;
    }
}
