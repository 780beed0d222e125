/** The command line: {@code serve} (the default), {@code run}, {@code restart} and {@code validate}, parsed with picocli before Spring starts. */
package org.perfect21.cli;
