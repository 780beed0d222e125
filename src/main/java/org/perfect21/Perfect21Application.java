package org.perfect21;

import org.perfect21.cli.Perfect21Cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the command line decides whether to serve the REST API (the default), run a workflow or validate definitions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Perfect21Application {

    public static void main(String[] args) {
        System.exit(new Perfect21Cli(Perfect21Application.class, System.out, System.err).execute(args));
    }
}
