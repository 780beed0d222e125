/** The command line: {@code serve} (the default), {@code run}, {@code restart}, {@code validate} and {@code purge}, parsed with picocli before Spring starts. */
package org.perfect21.cli;
