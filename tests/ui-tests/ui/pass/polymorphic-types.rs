// TL-polymorphism: constructors of new polymorphic types, with declared (`{X:Type}`) and, as
// tl-proto's schemas (tycho's overlay protocol) write them, undeclared one-letter variables;
// used as boxed and bare types, nested, through flags and vectors, in a function's result,
// wrapping a call, and in `Any`.
tl_runtime::tl! {
    #[tl(any, decode_functions)]
    r"
    overlay.response.ok value:T = overlay.Response T;
    overlay.response.err code:int = overlay.Response T;
    pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;
    maybe.none {t:Type} = Maybe t;
    maybe.just {t:Type} value:t = Maybe t;
    tree {T:Type} value:T children:Vector<(Tree T)> = Tree T;
    blockchain.data data:bytes = blockchain.Data;
    user flags:# p:(Pair int string) q:flags.0?(pair long (Maybe User)) r:Vector<(overlay.Response blockchain.Data)> = User;
    ---functions---
    blockchain.getData offset:int = overlay.Response blockchain.Data;
    invokeTwice {X:Type} query:!X = Pair X X;
    "
}

fn main() {
    let _ = enums::Pair::<i32, enums::User>::Pair;
}

// Type variables named as their own type, as another type, as a keyword, and alike but for
// case; a function's variable inside its result's arguments.
mod names {
    tl_runtime::tl! {
        #[tl(any, decode_functions)]
        r"
        pair {Pair:Type} {Ok:Type} a:Pair b:Ok = Pair Pair Ok;
        ok {Pair:Type} x:Pair = Ok Pair;
        both {A:Type} {B:Type} a:A = Both A B;
        both2 {A:Type} {B:Type} b:A = Both B A;
        self {Self:Type} {t:Type} {T:Type} x:Self y:t z:T = Selfish Self t T;
        user p:(Pair int (Ok long)) q:(Both int string) s:(Selfish int int int) = User;
        ---functions---
        get {X:Type} query:!X = Pair X (Both X int);
        "
    }
}
