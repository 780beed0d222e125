/** Agent definitions and the agent SPI: kinds that turn a definition into something that runs. */
package org.perfect21.agent;
