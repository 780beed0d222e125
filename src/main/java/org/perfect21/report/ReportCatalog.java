package org.perfect21.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The reports shipped on the classpath ({@code db/reports/*.sql}), read once at start. An invalid file
 * stops the start with its name and line: reports are part of the build, not user input.
 */
@Component
public class ReportCatalog {

    static final String LOCATION = "classpath*:db/reports/*.sql";

    private final Map<String, ReportDefinition> reports;

    public ReportCatalog() {
        this(LOCATION);
    }

    ReportCatalog(String location) {
        Map<String, ReportDefinition> found = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                String file = resource.getFilename();
                if (file == null) {
                    continue;
                }
                String name = file.substring(0, file.length() - ".sql".length());
                ReportDefinition report = ReportFileParser.parse(name, "db/reports/" + file,
                        resource.getContentAsString(StandardCharsets.UTF_8));
                if (found.putIfAbsent(name, report) != null) {
                    throw new InvalidReportException("db/reports/" + file, 0, "two reports are named '" + name + "' on the classpath");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reports in " + location, e);
        }
        this.reports = Map.copyOf(found);
    }

    /** Every report, by name. */
    public Collection<ReportDefinition> all() {
        return new TreeMap<>(reports).values();
    }

    public Optional<ReportDefinition> find(String name) {
        return Optional.ofNullable(reports.get(name));
    }

    public ReportDefinition get(String name) {
        return find(name).orElseThrow(() -> new NoSuchReportException(name, String.join(", ", new TreeMap<>(reports).keySet())));
    }
}
