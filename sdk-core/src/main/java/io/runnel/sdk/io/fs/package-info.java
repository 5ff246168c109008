/** File-system vocabulary shared by file-based IO transforms. */
package io.runnel.sdk.io.fs;
