// A page pasted as Markdown whose Parameters table says another type than the TL line: an
// error at the row's type cell, link and all.
tl_runtime::tl! {
    r"# ping

Checks the connection.

```
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
```

## Parameters

| Name | Type | Description |
|------|------|-------------|
| ping\_id | [int](/type/int) | Random number |

## Result

[Pong](/type/Pong)"
}

fn main() {}
