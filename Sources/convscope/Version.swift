/// convscope's version: `convscope --version` prints it, and the man page is generated with it.
let convscopeVersion = "0.1.0"
